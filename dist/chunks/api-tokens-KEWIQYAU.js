import {
  API_TOKENS_PATH,
  ClassicTokensApi
} from "./chunk-5OY2VKKF.js";
import "./chunk-ASJ2L5VQ.js";
import "./chunk-2GFJCOSR.js";
import "./chunk-UXD24YEM.js";
import "./chunk-OAKA2SLT.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
