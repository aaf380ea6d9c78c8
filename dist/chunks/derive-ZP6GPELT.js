import { createRequire as __createRequire } from 'node:module'
const require = __createRequire(import.meta.url)
import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
} from "./chunk-S76VXXSY.js";
import "./chunk-75AJRJHV.js";
import "./chunk-K73KI6LW.js";
import "./chunk-YSH2IDXS.js";
export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
