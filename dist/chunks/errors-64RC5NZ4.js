import {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
} from "./chunk-O27S4D2B.js";
import "./chunk-HYS7G47W.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
};
