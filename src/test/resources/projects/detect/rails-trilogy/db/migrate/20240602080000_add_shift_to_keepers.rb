class AddShiftToKeepers < ActiveRecord::Migration[7.2]
  def change
    add_column :keepers, :shift, :string, default: "day", null: false
  end
end
