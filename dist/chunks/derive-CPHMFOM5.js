import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
} from "./chunk-GV7WTUB7.js";
import "./chunk-75AJRJHV.js";
import "./group-shared-DF922B5F.js";







export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
