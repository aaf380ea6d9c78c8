import {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
} from "./chunk-23M2A6PA.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
};
