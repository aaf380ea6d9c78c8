import {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
} from "./chunk-RFKJKFUG.js";
import "./group-shared-DF922B5F.js";



export {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
};
