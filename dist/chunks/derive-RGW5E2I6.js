import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
} from "./chunk-CFTFYAKL.js";
import "./chunk-75AJRJHV.js";
import "./chunk-EA6DDNS7.js";
import "./chunk-CL77C4HZ.js";
import "./chunk-IFITZ7OM.js";
import "./chunk-QFOFWRVU.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
