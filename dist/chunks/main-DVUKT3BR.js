import {
  authenticate,
  reportFailure,
  revokeTarget,
  run
} from "./chunk-FDRJ4MCM.js";
import {
  createHttp
} from "./chunk-6NUVIXBQ.js";
import "./chunk-UDY75SBC.js";
import "./chunk-YKYQ6NYA.js";
import "./chunk-Y3FONXFZ.js";
import "./chunk-2LVTJKVT.js";
import "./chunk-TC7Z5OUA.js";
import "./chunk-UXD24YEM.js";
import "./chunk-B2VLX7FN.js";
import "./chunk-UKRPGWYF.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  authenticate,
  createHttp,
  reportFailure,
  revokeTarget,
  run
};
