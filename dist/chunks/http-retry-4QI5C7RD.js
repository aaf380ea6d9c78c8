import {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
} from "./chunk-23M2A6PA.js";
import "./shared-D97229C0.js";
export {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
};
