'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('Users', 'lastLogin', {
      type: Sequelize.DATE,
      allowNull: false,
      defaultValue: Sequelize.literal('CURRENT_TIMESTAMP')
    });
    await queryInterface.changeColumn('Users', 'firstName', {
      type: Sequelize.STRING(50),
      allowNull: false
    });
    await queryInterface.removeColumn('Users', 'balance');
    await queryInterface.renameColumn('Users', 'firstName', 'givenName');
    await queryInterface.addConstraint('Posts', {
      fields: ['userId'],
      type: 'foreign key',
      references: { table: 'Users', field: 'id' },
      onDelete: 'SET NULL'
    });
    await queryInterface.addConstraint('Users', {
      fields: ['email', 'givenName'],
      type: 'unique'
    });
    await queryInterface.removeConstraint('Users', 'Users_email_key');
    await queryInterface.sequelize.query('ALTER TABLE "Users" ALTER COLUMN "email" SET NOT NULL');
    await queryInterface.bulkUpdate('Users', { role: 'member' }, { role: null });
    await queryInterface.bulkDelete('Posts', null, {});
    await queryInterface.bulkInsert('Users', [{ email: 'admin@example.com', role: 'admin' }]);
    const columns = ['a', 'b'];
    await Promise.all(columns.map((c) => queryInterface.addColumn('Users', c, Sequelize.STRING)));
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.removeIndex('Posts', ['userId', 'createdAt']);
    await queryInterface.renameColumn('Users', 'givenName', 'firstName');
  }
};
