import { Entity, PrimaryGeneratedColumn, Column } from "typeorm";

@Entity()
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 64 })
  reference: string;

  @Column({ type: "decimal", precision: 10, scale: 2 })
  total: string;
}
