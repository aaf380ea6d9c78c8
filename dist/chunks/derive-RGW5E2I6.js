import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
} from "./chunk-CFTFYAKL.js";
import "./chunk-75AJRJHV.js";
import "./group-shared-5D041639.js";





export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
