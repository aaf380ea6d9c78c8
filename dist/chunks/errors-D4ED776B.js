import {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
} from "./chunk-PJ47PFQN.js";
import "./chunk-T2YHP5IL.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
};
