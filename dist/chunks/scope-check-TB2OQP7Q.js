import {
  checkScope,
  editDistance,
  suggest
} from "./chunk-Y7DULH5L.js";
import "./chunk-V4GH5LXW.js";
import "./chunk-M4LQXBWN.js";
import "./chunk-UXD24YEM.js";
import "./chunk-YSH2IDXS.js";
export {
  checkScope,
  editDistance,
  suggest
};
