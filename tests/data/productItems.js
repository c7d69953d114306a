async function transformer(context) {
// language=SQL
let databaseResult = await context.mysql.query('SELECT id FROM id_mapping WHERE id = ?',
context.entity.id);
if (databaseResult.length > 0) {
context.entity.id = databaseResult[0].id;
}
return context.entity;
}
module.exports = transformer;