// The registry of all parameters, one module per rule family.
import { ParameterSpec } from './define';
import { crosschecksParameters } from './crosschecks';
import { exemptionsParameters } from './exemptions';
import { noticeParameters } from './notices';
import { penaltiesParameters } from './penalties';
import { relativesParameters } from './relatives';

/** Every parameter with its own schema type kept, so a rule's parameter values are typed (policies/frame). */
export const PARAMETER_SPECS = {
  ...noticeParameters,
  ...relativesParameters,
  ...penaltiesParameters,
  ...exemptionsParameters,
  ...crosschecksParameters,
};

export const PARAMETERS: Record<string, ParameterSpec> = PARAMETER_SPECS;
