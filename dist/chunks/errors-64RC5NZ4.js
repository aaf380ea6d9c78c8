import {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
} from "./chunk-O27S4D2B.js";
import "./shared-D97229C0.js";
export {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
};
