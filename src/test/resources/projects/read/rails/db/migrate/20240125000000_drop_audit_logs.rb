class DropAuditLogs < ActiveRecord::Migration[7.1]
  def up
    drop_table :audit_logs
  end
end
