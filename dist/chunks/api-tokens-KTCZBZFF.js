import {
  API_TOKENS_PATH,
  ClassicTokensApi
} from "./chunk-EDEC2OEC.js";
import "./chunk-GY243YV4.js";
import "./chunk-QHYGYJD5.js";
import "./chunk-HYS7G47W.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
