import {
  PLATFORM_TOKEN_CAPS,
  createPlatformToken,
  deletePlatformToken
} from "./chunk-WG3O3K5E.js";
import "./chunk-72DAUBZT.js";
import "./chunk-PGGTXTME.js";
import "./chunk-ZRDVYRRM.js";
import "./chunk-OWPSOKBO.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  PLATFORM_TOKEN_CAPS,
  createPlatformToken,
  deletePlatformToken
};
