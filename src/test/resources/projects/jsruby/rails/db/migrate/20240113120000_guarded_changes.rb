=begin
Adds the audit table only where it is missing (several environments
were patched by hand).
=end
class GuardedChanges < ActiveRecord::Migration[7.1]
  def change
    unless table_exists?(:audits)
      create_table(:audits, id: false) do |t|
        t.primary_key :audit_id
        t.belongs_to :user, index: { unique: true }, type: :uuid
        t.text :payload
      end
    end
    add_column :users, :nickname, :string unless column_exists?(:users, :nickname)
    add_reference :orders, :coupon, foreign_key: true, index: { algorithm: :concurrently }
    remove_reference :orders, :shop, foreign_key: true
    create_join_table :users, :roles
    enable_extension "pgcrypto"
    add_column :users, :roles, :string, array: true, default: []
  end
end
