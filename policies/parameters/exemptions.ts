import { defineParameters } from './define';

// Parameters of the exemptions family; each key is declared here with the zod schema of its value.
export const exemptionsParameters = defineParameters({});
