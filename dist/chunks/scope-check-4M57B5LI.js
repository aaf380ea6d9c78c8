import {
  checkScope,
  suggest
} from "./chunk-IK6WG5DE.js";
import "./group-main-F9FADEA7.js";
import "./group-shared-6CC45263.js";


export {
  checkScope,
  suggest
};
