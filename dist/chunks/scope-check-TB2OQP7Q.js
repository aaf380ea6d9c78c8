import {
  checkScope,
  editDistance,
  suggest
} from "./chunk-Y7DULH5L.js";
import "./group-main-FCCF77BB.js";
import "./group-shared-1A1AC2C3.js";


export {
  checkScope,
  editDistance,
  suggest
};
