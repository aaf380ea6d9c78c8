import {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
} from "./chunk-RFKJKFUG.js";
import "./group-shared-3E48626C.js";



export {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
};
