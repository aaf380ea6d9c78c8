import { createRequire as __createRequire } from 'node:module'
const require = __createRequire(import.meta.url)
import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
} from "./chunk-7YVA3NRW.js";
import "./chunk-75AJRJHV.js";
import "./chunk-PVBGN4T3.js";
import "./chunk-IRX2VDWB.js";
import "./chunk-YSH2IDXS.js";
export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
