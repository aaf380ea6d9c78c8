import { createRequire as __createRequire } from 'node:module'
const require = __createRequire(import.meta.url)
import {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
} from "./chunk-JOK32BXD.js";
import "./chunk-75AJRJHV.js";
import "./chunk-Q5JVWH6V.js";
import "./chunk-YSH2IDXS.js";
export {
  deriveTokenScopes,
  derivedPlan,
  derivedSummaryHtml,
  problemList,
  selectionOf
};
