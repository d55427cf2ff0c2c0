class AddStatusToUsers < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_column :users, :status, :string, default: "active", null: false
    add_index :users, [:account_id, :status], algorithm: :concurrently
    add_index :users, :last_seen_at, where: "last_seen_at IS NOT NULL", name: "users_recently_seen", algorithm: :concurrently
    add_foreign_key :orders, :users, column: :buyer_id, on_delete: :nullify, validate: false
    add_check_constraint :accounts, "balance >= 0", name: "balance_positive", validate: false
    change_column_null :accounts, :plan, false, "free"
    change_column_default :accounts, :plan, from: "free", to: "trial"

    reversible do |dir|
      dir.up do
        execute <<~SQL
          UPDATE users
             SET status = 'active'
           WHERE status IS NULL;
          CREATE INDEX CONCURRENTLY index_users_on_lower_email ON users (lower(email));
        SQL
      end
      dir.down { execute "DROP INDEX index_users_on_lower_email" }
    end
  end
end
