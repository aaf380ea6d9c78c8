import {
  API_TOKENS_PATH,
  ClassicTokensApi
} from "./chunk-ZVCRA24C.js";
import "./chunk-LRBFQENZ.js";
import "./chunk-TCRXC7MS.js";
import "./chunk-UXD24YEM.js";
import "./chunk-HYS7G47W.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
