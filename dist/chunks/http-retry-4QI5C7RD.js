import {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
} from "./chunk-23M2A6PA.js";
import "./group-shared-1A1AC2C3.js";

export {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
};
