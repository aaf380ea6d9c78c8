import {
  checkScope,
  editDistance,
  suggest
} from "./chunk-Y7DULH5L.js";
import "./main-48CDAAD4.js";
import "./shared-D97229C0.js";
export {
  checkScope,
  editDistance,
  suggest
};
