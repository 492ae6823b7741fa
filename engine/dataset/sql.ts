// Literals spliced into SQL text: strings are quoted with '' doubled, lists become IN-lists.
export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const sqlList = (items: readonly string[]) => (items.length ? items.map(sqlString).join(', ') : 'NULL');
