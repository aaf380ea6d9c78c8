import {
  API_TOKENS_PATH,
  ClassicTokensApi
} from "./chunk-MGBEJO37.js";
import "./chunk-GNZH7CMO.js";
import "./chunk-DPYXIVDQ.js";
import "./chunk-UXD24YEM.js";
import "./chunk-T2YHP5IL.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
