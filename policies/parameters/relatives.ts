import { defineParameters } from './define';

// Parameters of the relatives family; each key is declared here with the zod schema of its value.
export const relativesParameters = defineParameters({});
