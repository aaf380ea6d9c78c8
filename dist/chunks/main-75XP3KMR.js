import {
  authenticate,
  reportFailure,
  revokeTarget,
  run
} from "./chunk-FUDVMEA4.js";
import {
  createHttp
} from "./chunk-64FV7755.js";
import "./chunk-TDG4T6QG.js";
import "./chunk-72DAUBZT.js";
import "./chunk-SZHTGJZ5.js";
import "./chunk-GEKGCVPI.js";
import "./chunk-HQPTWQTR.js";
import "./chunk-PGGTXTME.js";
import "./chunk-ZRDVYRRM.js";
import "./chunk-OWPSOKBO.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  authenticate,
  createHttp,
  reportFailure,
  revokeTarget,
  run
};
