'use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkInsert('Contacts', [{ name: 'Ada', createdAt: new Date(), updatedAt: new Date() }]);
  },
  async down(queryInterface) {
    await queryInterface.bulkDelete('Contacts', null, {});
  }
};
