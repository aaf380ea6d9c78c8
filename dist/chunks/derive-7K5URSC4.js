import { createRequire as __createRequire } from 'node:module'
const require = __createRequire(import.meta.url)
import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
} from "./chunk-KIUL24CK.js";
import "./chunk-75AJRJHV.js";
import "./chunk-EOPFO64F.js";
import "./chunk-5HJBNTAA.js";
import "./chunk-YSH2IDXS.js";
export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
