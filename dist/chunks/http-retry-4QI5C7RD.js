import {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
} from "./chunk-23M2A6PA.js";
import "./group-shared-DF922B5F.js";

export {
  afterNetworkError,
  afterRetryableStatus,
  attempts,
  budgetError,
  redirectError
};
