import { defineParameters } from './define';

// Parameters of the crosschecks family; each key is declared here with the zod schema of its value.
export const crosschecksParameters = defineParameters({});
