import {
  checkScope,
  editDistance,
  suggest
} from "./chunk-Y7DULH5L.js";
import "./group-main-D9E09AB1.js";
import "./group-shared-5D041639.js";


export {
  checkScope,
  editDistance,
  suggest
};
