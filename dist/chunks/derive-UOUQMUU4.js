import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
} from "./chunk-OCZVEKGD.js";
import "./chunk-75AJRJHV.js";
import "./chunk-GEKGCVPI.js";
import "./chunk-HQPTWQTR.js";
import "./chunk-PGGTXTME.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
