import {
  checkScope,
  editDistance,
  suggest
} from "./chunk-Y7DULH5L.js";
import "./group-main-24A6D6C2.js";
import "./group-shared-DF922B5F.js";


export {
  checkScope,
  editDistance,
  suggest
};
