'use strict';

module.exports = {
  up: async (queryInterface, Sequelize) => {
    const transaction = await queryInterface.sequelize.transaction();
    try {
      await queryInterface.createTable('Posts', {
        id: { type: Sequelize.UUID, defaultValue: Sequelize.UUIDV4, primaryKey: true },
        userId: {
          type: Sequelize.INTEGER,
          allowNull: false,
          references: { model: 'Users', key: 'id' },
          onDelete: 'CASCADE'
        },
        title: Sequelize.STRING,
        tags: { type: Sequelize.ARRAY(Sequelize.TEXT) },
        createdAt: { allowNull: false, type: Sequelize.DATE }
      }, { transaction });
      await queryInterface.addIndex('Posts', ['userId', 'createdAt'], { transaction });
      await queryInterface.addIndex('Posts', {
        fields: ['title'],
        unique: true,
        name: 'posts_title_live',
        where: { deletedAt: null },
        concurrently: true
      });
      await transaction.commit();
    } catch (err) {
      await transaction.rollback();
      throw err;
    }
  },

  down: async (queryInterface) => {
    await queryInterface.dropTable('Posts');
  }
};
