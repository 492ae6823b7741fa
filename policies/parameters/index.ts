// The registry of all parameters, one module per rule family.
import { ParameterSpec } from './define';
import { crosschecksParameters } from './crosschecks';
import { exemptionsParameters } from './exemptions';
import { noticeParameters } from './notices';
import { penaltiesParameters } from './penalties';
import { relativesParameters } from './relatives';

export const PARAMETERS: Record<string, ParameterSpec> = {
  ...noticeParameters,
  ...relativesParameters,
  ...penaltiesParameters,
  ...exemptionsParameters,
  ...crosschecksParameters,
};
