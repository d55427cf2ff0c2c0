class RemoveLegacyTokens < ActiveRecord::Migration[7.1]
  def up
    remove_column :users, :legacy_token
  end

  def down
    raise ActiveRecord::IrreversibleMigration
  end
end
