import {
  checkScope,
  editDistance,
  suggest
} from "./chunk-Y7DULH5L.js";
import "./group-main-C7AA6BCF.js";
import "./group-shared-3E48626C.js";


export {
  checkScope,
  editDistance,
  suggest
};
