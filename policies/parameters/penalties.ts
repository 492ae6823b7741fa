import { defineParameters } from './define';

// Parameters of the penalties family; each key is declared here with the zod schema of its value.
export const penaltiesParameters = defineParameters({});
