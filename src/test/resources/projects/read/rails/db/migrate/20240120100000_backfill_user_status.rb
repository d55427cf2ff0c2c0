class BackfillUserStatus < ActiveRecord::Migration[7.1]
  def up
    add_column :users, :status, :string
    execute <<~SQL
      UPDATE users SET status = 'active'
      WHERE status IS NULL
      -- end of backfill
    SQL
    if column_exists?(:users, :legacy_flag)
      remove_column :users, :legacy_flag
    end
  end

  def down
    remove_column :users, :status
  end
end
