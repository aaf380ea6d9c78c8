import {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
} from "./chunk-6HML2GKW.js";
import "./group-shared-6CC45263.js";




export {
  bodyRetryDelay,
  explainError,
  missingAccess,
  readDynatraceError
};
