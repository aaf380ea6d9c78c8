import {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
} from "./chunk-RFKJKFUG.js";
import "./group-shared-1A1AC2C3.js";



export {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
};
