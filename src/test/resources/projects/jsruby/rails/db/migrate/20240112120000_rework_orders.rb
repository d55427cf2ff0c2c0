class ReworkOrders < ActiveRecord::Migration[7.0]
  TABLE = :orders

  def up
    change_table TABLE, bulk: true do |t|
      t.remove :legacy_code, type: :string
      t.rename :total, :total_cents
      t.change :note, :text
      t.integer :quantity, limit: 2, null: false, default: 1
      t.index :created_at
    end
    # db-migrate-ignore ban-drop-column
    remove_column :orders, :coupon, :string
    rename_column :orders, :state, :status
    change_column :orders, :total_cents, :bigint, null: false
    validate_foreign_key :orders, :users, column: :buyer_id
    remove_index :orders, column: :created_at
    %w[a b c].each do |suffix|
      add_column :orders, "extra_#{suffix}", :string
    end
    backfill_totals
    Order.where(status: nil).update_all(status: "pending")
    User.find_each { |u| u.update_column(:status, "active") }
    execute "UPDATE #{TABLE} SET status = 'done' WHERE status = 'complete'"
    drop_table :coupons, if_exists: true
  end

  def down
    raise ActiveRecord::IrreversibleMigration
  end
end
