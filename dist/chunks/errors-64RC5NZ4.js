import {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
} from "./chunk-O27S4D2B.js";
import "./group-shared-5D041639.js";



export {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
};
