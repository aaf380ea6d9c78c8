import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
} from "./chunk-GV7WTUB7.js";
import "./chunk-75AJRJHV.js";
import "./group-shared-1A1AC2C3.js";







export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
